"""CBS data layer: read every shape a StatLine table reaches an analyst in, into one tidy shape;
validate it; keep snapshots.

One module per source format (a new format gets its own module here and a line in
:mod:`.detect`):

- :mod:`.dataset_csv` — the raw dataset CSV from the open-data pages
  (``<ID>_TypedDataSet_….csv``/``UntypedDataSet``, with or without ``<ID>_metadata.csv``);
- :mod:`.website_csv` — the CSV of the StatLine website (title, header block, labels,
  decimal comma, ``Bron: CBS``);
- :mod:`.flat_csv` — the StatLine website's flat CSV ("CSV met/zonder statistische symbolen":
  one header row, ``group/title (unit)`` topic columns, labels);
- :mod:`.entity_csv` — entity sets saved as CSV by ``cbsodataR`` or by ``cbsodata`` scripts;
- :mod:`.odata_v3` — the OData v3 feed (paged, DataProperties with topic groups);
- :mod:`.odata_v4` — the OData v4 API (Observations with value attributes).

Shared parts: :mod:`.tidy` (the tidy shape, periods, cells, errors), :mod:`.textio` (decoding),
:mod:`.store` (manifest, snapshots, validation, atomic install, lookup), :mod:`.detect`
(``read_file``). The names below are the public API; private helpers stay in their modules.
"""

from .dataset_csv import find_metadata, read_statline_csv, read_statline_metadata, table_id_from_filename
from .detect import FORMATS, detect_format, read_file
from .entity_csv import read_entity_csv_folder
from .flat_csv import read_flat_csv
from .odata_v3 import (
                       V3_FEED,
                       DirectorySource,
                       JsonGetter,
                       http_json,
                       read_odata_v3,
                       read_v3_dataset_json,
)
from .odata_v4 import V4_BASE, read_odata_v4
from .store import (
                       Manifest,
                       atomic_write,
                       cbs_dir,
                       diff_tables,
                       install_table,
                       is_labelled,
                       load_all,
                       load_snapshot,
                       lookup,
                       sha256_file,
                       to_csv_text,
                       topic_mask,
                       validate_tidy,
)
from .tidy import (
                       EXTRA_COLUMNS,
                       GROUP_SEP,
                       PERIOD_STATUS,
                       PERIOD_TYPES,
                       PROVENANCE_COLUMNS,
                       SYMBOLS,
                       TIDY_COLUMNS,
                       CBSDataError,
                       Dimension,
                       NetworkUnavailable,
                       Period,
                       TidyBuilder,
                       Topic,
                       dimension_columns,
                       normalise_table_id,
                       parse_period,
                       parse_value,
                       period_from_label,
                       statline_url,
)
from .website_csv import read_website_csv

__all__ = [
    "CBSDataError", "Dimension", "DirectorySource", "EXTRA_COLUMNS", "FORMATS", "GROUP_SEP", "JsonGetter", "Manifest",
    "NetworkUnavailable", "PERIOD_STATUS", "PERIOD_TYPES", "PROVENANCE_COLUMNS", "Period", "SYMBOLS", "TIDY_COLUMNS",
    "TidyBuilder", "Topic", "V3_FEED", "V4_BASE", "atomic_write", "cbs_dir", "detect_format", "diff_tables",
    "dimension_columns", "find_metadata", "http_json", "install_table", "is_labelled", "load_all", "load_snapshot",
    "lookup", "normalise_table_id", "parse_period", "parse_value", "period_from_label", "read_entity_csv_folder",
    "read_file", "read_flat_csv", "read_odata_v3", "read_odata_v4", "read_statline_csv", "read_statline_metadata",
    "read_v3_dataset_json", "read_website_csv", "sha256_file", "statline_url", "table_id_from_filename", "to_csv_text",
    "topic_mask", "validate_tidy",
]
