"""PDF, XLSX and CSV writers fed with plain figures."""
