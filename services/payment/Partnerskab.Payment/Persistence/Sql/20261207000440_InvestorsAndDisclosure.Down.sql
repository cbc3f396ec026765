-- The tables go with their triggers; the function is dropped after them.
DROP FUNCTION refuse_change_of_record();
