"""The publish asset: after a successful dbt build, BI-facing marts go out read-only."""

from collections import Counter

import dagster as dg

from orchestration import settings
from orchestration.assets.dbt import leadflow_dbt_assets
from orchestration.dbt_project import DBT_PROJECT
from orchestration.publishing.publish import publish, relations_to_publish
from orchestration.resources import Warehouse


@dg.asset(
    key=dg.AssetKey(["published_marts"]),
    deps=list(leadflow_dbt_assets.keys),
    group_name="publish",
    kinds={"duckdb", "parquet"},
    description="Read-only DuckDB file and Parquet snapshot of every dbt model tagged `publish`.",
)
def published_marts(context: dg.AssetExecutionContext, warehouse: Warehouse) -> dg.MaterializeResult:
    relations = relations_to_publish(DBT_PROJECT.manifest_path)
    with warehouse.connect() as con:
        publication = publish(con, relations, settings.publish_dir())
    methods = Counter(publication.methods.values())
    context.log.info(
        f"published {len(relations)} relations to {publication.database}: "
        + ", ".join(f"{count} {method}" for method, count in sorted(methods.items()))
    )
    return dg.MaterializeResult(
        metadata={
            "database": dg.MetadataValue.path(str(publication.database)),
            "parquet": dg.MetadataValue.path(str(publication.parquet_dir)),
            "row_counts": dg.MetadataValue.json(publication.row_counts),
            "written": dg.MetadataValue.json(publication.methods),
            "seconds": dg.MetadataValue.json(publication.seconds),
            "dagster/row_count": dg.MetadataValue.int(sum(publication.row_counts.values())),
        }
    )
