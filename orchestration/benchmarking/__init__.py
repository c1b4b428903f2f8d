"""`leadflow bench`: the pipeline's time and memory at a given size, against the floor."""
