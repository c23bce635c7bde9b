"""The Great Expectations file project in gx/, written by scripts/build.py from the schema and the rules.

A GX user runs its checkpoint with GX alone (see docs: Validation). It holds one suite per table with the
schema's column rules, run on data/*.csv, and the suite of the cross-table rules, run on the rule results that
``akim-elections validate --rule-results gx/uncommitted/rule_results.csv`` writes (GX reads CSV files; the
cross-table rules are joins, which it cannot compute over CSV without a SQL database).

Plain JSON and text: no Great Expectations import here. Ids are UUIDs derived from names, so the build is
deterministic.
"""

from __future__ import annotations

import json
import uuid

from . import schema
from .rules import RULES

NAME = "akim-elections"
RULE_RESULTS = "rule_results"
_NS = uuid.uuid5(uuid.NAMESPACE_DNS, "gx.akim-elections.invalid")  # any fixed namespace: the same ids every build

# The two bounds every row of the rule results must meet; missing values fail ("neither" is ignored).
BOUNDS = [
    {"type": "expect_column_pair_values_a_to_be_greater_than_b",
     "kwargs": {"column_A": "upper", "column_B": "observed", "or_equal": True, "ignore_row_if": "neither"},
     "description": "Observed never exceeds its rule's expected value.", "meta": {"bound": "upper"}},
    {"type": "expect_column_pair_values_a_to_be_greater_than_b",
     "kwargs": {"column_A": "observed", "column_B": "lower", "or_equal": True, "ignore_row_if": "neither"},
     "description": "Observed is never below its rule's expected value where the rule asks for equality.", "meta": {"bound": "lower"}},
]


def _id(*parts: str) -> str:
    return str(uuid.uuid5(_NS, "/".join(parts)))


def column_expectations(name: str) -> list[dict]:
    """The schema's column rules of one table as GX expectation configurations."""
    spec = schema.TABLES[name]
    key = spec["primaryKey"]
    out = [{"type": "expect_column_values_to_be_unique", "kwargs": {"column": key[0]}} if len(key) == 1 else
           {"type": "expect_compound_columns_to_be_unique", "kwargs": {"column_list": key}}]
    out[0]["description"] = f"{' x '.join(key)} identifies each row once."
    for f in spec["fields"]:
        c = f.get("constraints", {})
        if c.get("required") and f["name"] not in key:
            out.append({"type": "expect_column_values_to_not_be_null", "kwargs": {"column": f["name"]},
                        "description": f"{f['name']} is never empty."})
        if f["type"] in ("integer", "number") and ("minimum" in c or "maximum" in c):
            out.append({"type": "expect_column_values_to_be_between",
                        "kwargs": {"column": f["name"], "min_value": c.get("minimum"), "max_value": c.get("maximum")},
                        "description": f"{f['name']} lies within its schema's range."})
    return out


def _suite(name: str, expectations: list[dict], notes: str) -> dict:
    return {"name": f"{NAME}-{name}", "id": _id("suite", name), "notes": notes, "meta": {},
            "expectations": [{**e, "id": _id("expectation", name, str(i)), "meta": e.get("meta", {}), "severity": "critical"}
                             for i, e in enumerate(expectations)]}


def _assets() -> list[tuple[str, str]]:
    """(asset name, path from the repository root) for every table and for the rule results."""
    return [(name, f"data/{name}.csv") for name in schema.TABLE_ORDER] + [(RULE_RESULTS, f"gx/uncommitted/{RULE_RESULTS}.csv")]


def _yaml() -> str:
    assets = "".join(f"""      {name}:
        type: csv
        id: {_id("asset", name)}
        batch_definitions:
          whole:
            id: {_id("batch", name)}
            partitioner:
              regex: {path.replace(".", "[.]")}$
              param_names: []
""" for name, path in _assets())
    return f"""# Great Expectations project of akim-elections, written by scripts/build.py; do not edit by hand.
# Run from the repository root (see docs/validation.md):
#   python -c "import great_expectations as gx; c = gx.get_context(mode='file', project_root_dir='.'); print(c.checkpoints.get('{NAME}').run().success); c.open_data_docs()"
config_version: 4.0
config_variables_file_path: uncommitted/config_variables.yml
plugins_directory: plugins/
stores:
  expectations_store:
    class_name: ExpectationsStore
    store_backend:
      class_name: TupleFilesystemStoreBackend
      base_directory: expectations/
  validation_results_store:
    class_name: ValidationResultsStore
    store_backend:
      class_name: TupleFilesystemStoreBackend
      base_directory: uncommitted/validations/
  checkpoint_store:
    class_name: CheckpointStore
    store_backend:
      class_name: TupleFilesystemStoreBackend
      suppress_store_backend_id: true
      base_directory: checkpoints/
  validation_definition_store:
    class_name: ValidationDefinitionStore
    store_backend:
      class_name: TupleFilesystemStoreBackend
      base_directory: validation_definitions/
expectations_store_name: expectations_store
validation_results_store_name: validation_results_store
checkpoint_store_name: checkpoint_store
data_docs_sites:
  local_site:
    class_name: SiteBuilder
    show_how_to_buttons: false
    store_backend:
      class_name: TupleFilesystemStoreBackend
      base_directory: uncommitted/data_docs/local_site/
    site_index_builder:
      class_name: DefaultSiteIndexBuilder
fluent_datasources:
  {NAME}:
    type: pandas_filesystem
    id: {_id("datasource")}
    base_directory: .
    assets:
{assets}analytics_enabled: false
data_context_id: {_id("context")}
"""


def _json(obj: dict) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def project_files() -> dict[str, bytes]:
    """{path relative to the repository root: bytes} of the whole GX project."""
    rules_notes = "The cross-table rules of akim_elections.rules, one row per rule and subject:\n" + "\n".join(
        f"- {r.table}:{r.id} ({r.kind}): {r.meaning}" for r in RULES)
    suites = {name: _suite(name, column_expectations(name), f"Column rules of {name}, from the schema.") for name in schema.TABLE_ORDER}
    suites[RULE_RESULTS] = _suite(RULE_RESULTS, BOUNDS, rules_notes)
    files = {"gx/great_expectations.yml": _yaml().encode("utf-8"), "gx/.gitignore": b"uncommitted/\n"}
    definitions = []
    for name, suite in suites.items():
        definition = {"name": f"{NAME}-{name}", "id": _id("validation", name), "suite": {"name": suite["name"], "id": suite["id"]},
                      "data": {"datasource": {"name": NAME, "id": _id("datasource")}, "asset": {"name": name, "id": _id("asset", name)},
                               "batch_definition": {"name": "whole", "id": _id("batch", name)}}}
        files[f"gx/expectations/{suite['name']}.json"] = _json(suite)
        files[f"gx/validation_definitions/{definition['name']}.json"] = _json(definition)
        definitions.append({"name": definition["name"], "id": definition["id"]})
    files[f"gx/checkpoints/{NAME}.json"] = _json({
        "name": NAME, "id": _id("checkpoint"), "validation_definitions": definitions, "result_format": {"result_format": "COMPLETE"},
        "actions": [{"name": "docs", "type": "update_data_docs", "site_names": []}]})
    return files
