"""One raw-loading asset per landing object (docs/landing_contract.md)."""

import dagster as dg

from orchestration.loading.contract import OBJECTS, RAW_SCHEMA, LandingObject
from orchestration.loading.loader import ObjectLoadResult, load_object
from orchestration.resources import Landing, Warehouse

RAW_GROUP = "raw"


def raw_asset_key(obj: LandingObject) -> dg.AssetKey:
    return dg.AssetKey([RAW_SCHEMA, obj.table])


def _describe(obj: LandingObject) -> str:
    required = ", ".join(obj.required) or "none"
    return (
        f"Raw `{obj.system}/{obj.delivery_folder}` extracts, every value as text, with lineage "
        f"(_file, _row, _loaded_at, _batch_id). Required columns: {required}."
    )


def _load_metadata(result: ObjectLoadResult) -> dict[str, dg.MetadataValue]:
    rejected = "\n".join(f"- `{f.file}`: {f.message}" for f in result.rejected_files)
    return {
        "dagster/row_count": dg.MetadataValue.int(result.table_rows),
        "rows_loaded_this_run": dg.MetadataValue.int(result.rows_loaded),
        "rows_rejected_this_run": dg.MetadataValue.int(result.rows_rejected),
        "files_loaded": dg.MetadataValue.int(sum(f.status == "loaded" for f in result.files)),
        "files_skipped_already_loaded": dg.MetadataValue.int(len(result.skipped_files)),
        "files_rejected": dg.MetadataValue.md(rejected or "none"),
        "missing_expected_columns": dg.MetadataValue.json(
            {f.file: list(f.missing_expected_columns) for f in result.files if f.missing_expected_columns}
        ),
    }


def build_raw_asset(obj: LandingObject) -> dg.AssetsDefinition:
    @dg.asset(
        key=raw_asset_key(obj),
        group_name=RAW_GROUP,
        description=_describe(obj),
        kinds={"duckdb", "python"},
        tags={"system": obj.system},
    )
    def _raw_asset(
        context: dg.AssetExecutionContext, warehouse: Warehouse, landing: Landing
    ) -> dg.MaterializeResult:
        with warehouse.connect() as con:
            result = load_object(con, obj, landing.path, batch_id=context.run_id)
        for rejected in result.rejected_files:
            context.log.error(f"rejected file {rejected.file}: {rejected.message}")
        if result.rows_rejected:
            context.log.warning(
                f"{obj.table}: {result.rows_rejected} rows rejected; see raw._rejects for file, row, reason"
            )
        return dg.MaterializeResult(metadata=_load_metadata(result))

    return _raw_asset


raw_assets = [build_raw_asset(obj) for obj in OBJECTS]
