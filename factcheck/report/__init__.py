"""Running the checks and the one result record every format renders."""
