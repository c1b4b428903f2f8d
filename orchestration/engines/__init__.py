"""Steps that let the same dbt project run on engines other than the embedded DuckDB."""
