-- Version 3: the battery voltage a pot on batteries measures with each reading (battery_mv, in mV); null for
-- pots on USB power and for every reading stored before this version.
ALTER TABLE readings ADD COLUMN battery_mv INTEGER;
