-- Run once at the lab's first start: the extensions the tutorials use.
CREATE EXTENSION IF NOT EXISTS imgsmlr;
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS pase;
