with

source as (

    select * from {{ source('loader', 'rejects') }}

),

renamed as (

    select
        {{ surrogate_key(['file', 'file_row', 'reason']) }} as reject_id,
        batch_id,
        system as source_system,
        object as source_object,
        file as file_path,
        file_row,
        column_name,
        reason as reject_reason,
        raw_text,
        loaded_at
    from source

)

select * from renamed
