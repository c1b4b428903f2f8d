{#- run_hooks(): dbt's own, without the `commit` it sends before the first hook that runs outside
    the transaction. dbt-duckdb's adapter already leaves it out (DuckDB opens no transaction for
    it to end); Spark has no transactions and rejects the statement, so the project-wide post-hook
    relation_metadata_export (transaction: false, so that it follows a node's own post-hooks)
    failed every seed and view there. Both of the project's engines need no commit. -#}
{% macro run_hooks(hooks, inside_transaction=True) %}
    {% for hook in hooks | selectattr('transaction', 'equalto', inside_transaction) %}
        {% set rendered = render(hook.get('sql')) | trim %}
        {% if (rendered | length) > 0 %}
            {% call statement(auto_begin=inside_transaction) %}
                {{ rendered }}
            {% endcall %}
        {% endif %}
    {% endfor %}
{% endmacro %}
