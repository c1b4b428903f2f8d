{#- Campaign ROI per attribution model, campaign, channel and month, in the reporting currency:
    the sums of int_roi_measures_unioned, influenced opportunities (any touch of the campaign
    before the opportunity's creation, each opportunity counted once per campaign), and the
    ratios of this row (docs/metrics.md; to roll rows up, sum the additive columns and divide
    again). -#}

{{ roi_report(['campaign_key', 'channel'], labels={'campaign_name': 'min(campaign_name)'}) }}
