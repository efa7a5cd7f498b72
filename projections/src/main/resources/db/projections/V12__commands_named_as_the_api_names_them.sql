-- The decision log names a command as the API does (selectPriority), not as its record (SelectPriority).
UPDATE decision_log SET command = LOWER(SUBSTRING(command, 1, 1)) || SUBSTRING(command, 2) WHERE command IS NOT NULL;
