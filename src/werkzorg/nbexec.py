"""Notebook execution that does not wait for a message that has already arrived.

The stall (seen in the book build, ``make notebooks`` and the lab test): after a cell with
ipywidgets, nbclient sometimes sat idle until the cell timeout (300 s in the book build) and then
went on without an error. Traced with nbclient 0.11, jupyter_client 8.10, pyzmq 27.3 and
ipykernel 7.4 (also 6.30): the kernel had sent the cell's ``execute_reply`` (its header time was
38 s before nbclient got it, with a 40 s timeout), so the message was waiting in the client's
shell socket, yet ``await socket.poll(timeout)`` in ``jupyter_client``'s
``AsyncZMQSocketChannel.get_msg`` was not woken. When the poll's timeout fires, pyzmq does one
last non-blocking poll, finds the reply and returns it: hence an idle wait of exactly the timeout,
and no error. A ZeroMQ socket signals new messages through an edge-triggered file descriptor and
pyzmq's asyncio poller waits for that edge; an edge consumed while nobody is woken is lost. The
likely trigger is nbclient itself: in widget cells its ``OutputWidget`` sends comm messages on the
same shell socket from inside its IOPub handler while the reply is awaited (jupyter/nbclient
issue 312; pull request 311 there also polls in short steps). The kernel version does not matter.

:func:`install` makes every asyncio channel wait in short slices: a long ``get_msg(timeout)``
becomes a series of polls of at most :data:`SLICE` seconds, each ending in that non-blocking
check, so a missed wake-up costs at most a slice. Waiting for messages is otherwise unchanged
(the same deadline, ``Empty`` when it passes). It is installed by ``tools/run_notebooks.py``, by
the test session (``tests/conftest.py``) and, as a Sphinx extension set up by ``werkzorg.sphinxext``,
in the book build, whose notebooks MyST-NB executes in the build's own process.
"""

from __future__ import annotations

import time
from queue import Empty
from typing import Any

#: Longest single wait on a channel (seconds): the most a missed wake-up can cost.
SLICE = 0.25


def install() -> None:
    """Patch ``AsyncZMQSocketChannel.get_msg`` to poll in slices (idempotent)."""
    from jupyter_client.channels import AsyncZMQSocketChannel

    original = AsyncZMQSocketChannel.get_msg
    if getattr(original, "_werkzorg_sliced", False):
        return

    async def get_msg(self: Any, timeout: float | None = None) -> dict[str, Any]:
        if timeout is not None and timeout <= SLICE:
            return await original(self, timeout=timeout)
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            step = SLICE if deadline is None else max(0.0, min(SLICE, deadline - time.monotonic()))
            try:
                return await original(self, timeout=step)
            except Empty:
                if deadline is not None and time.monotonic() >= deadline:
                    raise

    get_msg._werkzorg_sliced = True  # type: ignore[attr-defined]
    get_msg.__doc__ = original.__doc__
    AsyncZMQSocketChannel.get_msg = get_msg  # type: ignore[method-assign]


def setup(app: Any) -> dict[str, Any]:
    """Sphinx extension: install the patch before MyST-NB executes the notebooks."""
    install()
    return {"parallel_read_safe": True, "parallel_write_safe": True}
