"""SQLAlchemy models and engines for the booth and fair stores, and the migrations runner."""
