"""The proofreading engine: documents, checks and fixes. Nothing below here imports Qt."""
