"""The organiser window: fairs, registry and booth packages, importing booth exports, the dashboard and reports."""
