"""Qt table models over the services: one model per table, each with its column enum."""
