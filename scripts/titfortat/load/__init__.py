"""Load: read the data folder from disk, every YAML file and stored text, as bytes."""
