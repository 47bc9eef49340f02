"""The book's notebooks run two at a time before Sphinx reads them (a clean build).

MyST-NB (execution mode ``cache``) runs a notebook when Sphinx reads it, one after the other, each
in a kernel that mostly waits for its own imports and charts. Before Sphinx reads the changed
pages, this runs the notebooks that are not yet in the cache in :data:`AT_ONCE` worker processes,
exactly as MyST-NB would run them (the notebook as MyST-NB reads it, the same working folder,
timeout and errors setting, ``werkzorg.nbexec`` installed), and stores each result in the same
cache, as MyST-NB does. MyST-NB then finds every notebook in the cache and uses it as it uses any
earlier result, with its execution time for the book's execution table.

A notebook that fails here is not stored: MyST-NB runs it again while reading and reports the
failure as it always does. Nothing runs when fewer than two notebooks need a run.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import suppress
from pathlib import Path, PurePosixPath
from typing import Any

from sphinx.util import logging

from .. import nbexec

logger = logging.getLogger(__name__)

#: Notebooks run at the same time (this machine and CI have two cores).
AT_ONCE = 2


def _read_as_myst_nb(env: Any, docname: str) -> tuple[Any, dict | None, Any] | None:
    """The notebook of a page as MyST-NB's parser reads it (myst_nb.sphinx_.Parser.parse), its
    read format and configuration; None for a page that is not a notebook."""
    from myst_nb.core.read import create_nb_reader

    path = str(env.doc2path(docname))
    text = Path(path).read_text(encoding="utf-8")
    nb_config = env.mystnb_config
    reader = create_nb_reader(path, env.myst_config, nb_config, text)
    if reader is None:
        return None
    notebook = reader.read(text)
    kernel_name = notebook.metadata.get("kernelspec", {}).get("name", None)
    if kernel_name is not None and nb_config.kernel_rgx_aliases:
        for rgx, alias in nb_config.kernel_rgx_aliases.items():
            if re.fullmatch(rgx, kernel_name):
                notebook.metadata["kernelspec"]["name"] = alias
                break
    if nb_config.metadata_key in notebook.metadata:
        from myst_nb.core.nb_to_tokens import nb_node_to_dict

        overrides = nb_node_to_dict(notebook.metadata[nb_config.metadata_key])
        overrides.pop("output_folder", None)
        with suppress(Exception):  # MyST-NB warns about bad overrides itself, while reading
            nb_config = nb_config.copy(**overrides)
    return notebook, reader.read_fmt, nb_config


def _execute(notebook: Any, cwd: str, allow_errors: bool, timeout: int | None) -> tuple[Any, float, str | None]:
    """Run one notebook in this worker process, as MyST-NB's cache client runs it."""
    from jupyter_cache.executors.utils import single_nb_execution

    nbexec.install()
    result = single_nb_execution(notebook, cwd=cwd, allow_errors=allow_errors, timeout=timeout, meta_override=True)
    return notebook, result.time, (None if result.err is None else result.exc_string)


def _cached_notebooks_to_read(env: Any, docnames: list[str]) -> list[tuple[str, Any, dict | None, Any]]:
    """The pages among ``docnames`` that MyST-NB reads as notebooks to run through the cache."""
    found = []
    for docname in sorted(docnames):
        read = _read_as_myst_nb(env, docname)
        if read is None:
            continue
        notebook, read_fmt, nb_config = read
        if nb_config.execution_mode != "cache":  # "force" pages run while read, as MyST-NB wants
            continue
        path = PurePosixPath(Path(env.doc2path(docname)).as_posix())
        if any(path.match(p) for p in nb_config.execution_excludepatterns or ()):
            continue
        found.append((docname, notebook, read_fmt, nb_config))
    return found


def run_waiting_notebooks(app: Any, env: Any, docnames: list[str]) -> None:
    """``env-before-read-docs``: run the notebooks of ``docnames`` that the cache lacks."""
    nb_config = getattr(env, "mystnb_config", None)  # None in a project without MyST-NB
    if nb_config is None or nb_config.execution_mode != "cache" or nb_config.execution_in_temp:
        return
    to_read = _cached_notebooks_to_read(env, docnames)
    if len(to_read) < 2:  # a rebuild after one page: nothing to gain, not even the cache's import
        return
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    cache = get_cache(nb_config.execution_cache_path or ".jupyter_cache")
    waiting = []
    for item in to_read:
        try:
            cache.match_cache_notebook(item[1])
        except KeyError:
            waiting.append(item)
    if len(waiting) < 2:
        return
    logger.info(f"werkzorg: running {len(waiting)} notebooks, {AT_ONCE} at a time")
    started = time.monotonic()
    context = multiprocessing.get_context("spawn")  # no copy of Sphinx's state in the workers
    pool = ProcessPoolExecutor(AT_ONCE, mp_context=context)
    try:
        jobs = {pool.submit(_execute, nb, os.path.dirname(os.path.abspath(env.doc2path(doc))),
                            cfg.execution_allow_errors, cfg.execution_timeout): (doc, fmt)
                for doc, nb, fmt, cfg in waiting}
        for job in as_completed(jobs):
            docname, read_fmt = jobs[job]
            try:
                notebook, seconds, error = job.result()
            except Exception as exc:  # a worker that died: MyST-NB runs the notebook itself
                logger.info(f"werkzorg: {docname} did not run ahead ({exc.__class__.__name__}); MyST-NB runs it")
                continue
            if error is not None:  # not stored: MyST-NB runs it again and reports the failure as usual
                last = error.strip().splitlines()[-1] if error.strip() else "error"
                logger.info(f"werkzorg: {docname} failed ahead ({last[:120]}); MyST-NB runs it again")
                continue
            path = str(env.doc2path(docname))
            stage = cache.add_nb_to_project(path, read_data=read_fmt) if read_fmt else cache.add_nb_to_project(path)
            cache.cache_notebook_bundle(CacheBundleIn(notebook, stage.uri, data={"execution_seconds": seconds}),
                                        check_validity=False, overwrite=True)
            logger.info(f"werkzorg: {docname} ran in {seconds:.1f} s")
    except BaseException:  # Ctrl-C or a failing store: stop the workers now, not after every queued notebook
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    logger.info(f"werkzorg: the {len(waiting)} notebooks ran ahead in {time.monotonic() - started:.1f} s")


def setup(app: Any) -> dict[str, Any]:
    app.connect("env-before-read-docs", run_waiting_notebooks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
