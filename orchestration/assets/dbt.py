"""dbt models, seeds and tests as Dagster assets and asset checks."""

from collections.abc import Iterator, Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from orchestration.assets.dbt_metadata import annotate_as_built, run_target_path
from orchestration.dbt_project import DBT_PROJECT, ensure_manifest
from orchestration.loading.contract import RAW_SCHEMA

ensure_manifest()


class LeadflowTranslator(DagsterDbtTranslator):
    """Maps dbt nodes onto leadflow's asset graph, one small rule per concern."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        """Sources are the raw-loading assets, so raw -> staging lineage is one graph."""
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey([RAW_SCHEMA, dbt_resource_props["identifier"]])
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        """Group by layer folder (staging, intermediate, marts area), seeds as reference data."""
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        fqn = dbt_resource_props.get("fqn", [])
        if len(fqn) > 2 and fqn[1] == "marts":
            return f"marts_{fqn[2]}"
        return fqn[1] if len(fqn) > 2 else "dbt"

    def get_metadata(self, dbt_resource_props: Mapping[str, Any]) -> Mapping[str, Any]:
        """Where the relation lives, so a reader of the UI can query it directly."""
        relation = ".".join(
            part for part in (dbt_resource_props.get("schema"), dbt_resource_props.get("alias")) if part
        )
        return {**super().get_metadata(dbt_resource_props), "relation": relation}


# Unit tests check SQL logic against fixed fixtures, so their answer cannot change between daily
# runs: CI runs them (tests/test_pipeline_e2e.py), the scheduled build spends nothing on them.
DAILY_BUILD_ARGS = ["build", "--exclude-resource-type", "unit_test"]

TRANSLATOR = LeadflowTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


@dbt_assets(manifest=DBT_PROJECT.manifest_path, project=DBT_PROJECT, dagster_dbt_translator=TRANSLATOR)
def leadflow_dbt_assets(context: dg.AssetExecutionContext, dbt: DbtCliResource) -> Iterator[Any]:
    invocation = dbt.cli(DAILY_BUILD_ARGS, context=context, target_path=run_target_path(context))
    yield from annotate_as_built(invocation)
