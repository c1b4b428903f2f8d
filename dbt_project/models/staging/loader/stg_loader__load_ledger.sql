with

source as (

    select * from {{ source('loader', 'load_ledger') }}

),

renamed as (

    select
        content_hash as file_content_hash,
        batch_id,
        system as source_system,
        object as source_object,
        file as file_path,
        status as load_status,
        rows_loaded,
        rows_rejected,
        missing_expected_columns,
        unknown_columns,
        encoding as detected_encoding,
        message as load_message,
        loaded_at
    from source

)

select * from renamed
