-- A delay flag's days late as its rule counted them (tracker/delay_rules.h, daysLateSince),
-- refreshed by every scan with its measure, so that the number in the measure's text and the
-- one pages, the API, the feed and the email show are the same (issue 11, item 8). NULL for
-- the rules with no count of days, and for flags no scan has refreshed since this migration.
ALTER TABLE delay_flags ADD COLUMN days_late INTEGER NULL;
