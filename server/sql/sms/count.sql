-- How many messages match the SMS history's filter ($1..$9, see sms_matching).
SELECT count(*)::int AS total FROM sms_matching($1, $2, $3, $4, $5, $6, $7, $8, $9)
