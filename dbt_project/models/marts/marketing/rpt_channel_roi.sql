{#- Channel ROI per attribution model, channel, region and month, in the reporting currency:
    the sums of int_roi_measures_unioned, influenced opportunities (any touch in the channel
    before the opportunity's creation, each opportunity counted once per channel and region), and the
    ratios of this row (docs/metrics.md; to roll rows up, sum the additive columns and divide
    again). -#}

{{ roi_report(['channel', 'region']) }}
