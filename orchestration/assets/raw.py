"""One raw-loading asset per landing object (docs/landing_contract.md), each with two checks:
the share of rejected rows (blocking: a broken export stops the run before the marts) and the age
of the newest delivery (a warning: a missed export leaves the marts stale, not wrong)."""

from collections.abc import Iterator
from datetime import UTC, datetime

import dagster as dg

from orchestration import monitoring
from orchestration.loading.contract import OBJECTS, RAW_SCHEMA, LandingObject
from orchestration.loading.loader import ObjectLoadResult, discover_files, load_object
from orchestration.resources import Landing, Warehouse

RAW_GROUP = "raw"
REJECTED_SHARE_CHECK = "rejected_share"
DELIVERY_FRESHNESS_CHECK = "delivery_freshness"


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


def rejected_share_check(obj: LandingObject, result: ObjectLoadResult) -> dg.AssetCheckResult:
    share = monitoring.rejected_share(result.rows_loaded, result.rows_rejected)
    return dg.AssetCheckResult(
        check_name=REJECTED_SHARE_CHECK,
        asset_key=raw_asset_key(obj),
        passed=not monitoring.is_broken_export(result.rows_loaded, result.rows_rejected),
        severity=dg.AssetCheckSeverity.ERROR,
        description=(
            f"{result.rows_rejected} rows ({share:.1%}) of this run's delivery rejected; fails above "
            f"{monitoring.max_rejected_share():.1%} and {monitoring.min_rejected_rows()} rows"
        ),
        metadata={
            "rejected_share": dg.MetadataValue.float(share),
            "rows_rejected": dg.MetadataValue.int(result.rows_rejected),
            "rejected_files": dg.MetadataValue.json([f.file for f in result.rejected_files]),
        },
    )


def delivery_freshness_check(obj: LandingObject, landing: Landing) -> dg.AssetCheckResult:
    age = monitoring.newest_delivery_age_hours(discover_files(landing.path, obj), datetime.now(UTC))
    limit = monitoring.max_delivery_age_hours()
    shown = "no file delivered yet" if age is None else f"newest file {age:.1f} h old"
    return dg.AssetCheckResult(
        check_name=DELIVERY_FRESHNESS_CHECK,
        asset_key=raw_asset_key(obj),
        passed=age is not None and age <= limit,
        severity=dg.AssetCheckSeverity.WARN,
        description=f"{shown} (limit {limit:g} h, LEADFLOW_MAX_DELIVERY_AGE_HOURS)",
        metadata={"newest_file_age_hours": dg.MetadataValue.float(age if age is not None else -1.0)},
    )


def build_raw_asset(obj: LandingObject) -> dg.AssetsDefinition:
    key = raw_asset_key(obj)

    @dg.asset(
        key=key,
        group_name=RAW_GROUP,
        description=_describe(obj),
        kinds={"duckdb", "python"},
        tags={"system": obj.system},
        check_specs=[
            dg.AssetCheckSpec(
                REJECTED_SHARE_CHECK,
                asset=key,
                blocking=True,
                description=(
                    "Rows rejected this run stay under LEADFLOW_MAX_REJECTED_SHARE of the delivery "
                    "or under LEADFLOW_MIN_REJECTED_ROWS."
                ),
            ),
            dg.AssetCheckSpec(
                DELIVERY_FRESHNESS_CHECK,
                asset=key,
                description="A file arrived within LEADFLOW_MAX_DELIVERY_AGE_HOURS.",
            ),
        ],
    )
    def _raw_asset(
        context: dg.AssetExecutionContext, warehouse: Warehouse, landing: Landing
    ) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
        with warehouse.connect() as con:
            result = load_object(con, obj, landing.path, batch_id=context.run.run_id)
        for rejected in result.rejected_files:
            context.log.error(f"rejected file {rejected.file}: {rejected.message}")
        if result.rows_rejected:
            context.log.warning(
                f"{obj.table}: {result.rows_rejected} rows rejected; see raw._rejects for file, row, reason"
            )
        yield dg.MaterializeResult(metadata=_load_metadata(result))
        yield rejected_share_check(obj, result)
        yield delivery_freshness_check(obj, landing)

    return _raw_asset


raw_assets = [build_raw_asset(obj) for obj in OBJECTS]
