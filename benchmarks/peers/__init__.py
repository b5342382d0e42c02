"""The peers each workload is timed against: the same answers, computed another way."""
