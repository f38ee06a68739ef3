import { pgEnum } from 'drizzle-orm/pg-core';
import * as v from '../../../domain/vocabulary.js';

export const ticketType = pgEnum('ticket_type', v.TICKET_TYPES);
export const ticketStatus = pgEnum('ticket_status', v.TICKET_STATUSES);
export const priority = pgEnum('priority', v.PRIORITIES);
export const channel = pgEnum('channel', v.CHANNELS);
export const staffRole = pgEnum('staff_role', v.STAFF_ROLES);
export const careFlag = pgEnum('care_flag', v.CARE_FLAGS);
export const residentKind = pgEnum('resident_kind', v.RESIDENT_KINDS);
export const deviceKind = pgEnum('device_kind', v.DEVICE_KINDS);
export const displayAudience = pgEnum('display_audience', v.DISPLAY_AUDIENCES);
export const actorKind = pgEnum('actor_kind', v.ACTOR_KINDS);
export const satisfaction = pgEnum('satisfaction', v.SATISFACTION);
export const calendarDayKind = pgEnum('calendar_day_kind', v.CALENDAR_DAY_KINDS);
export const quoteStatus = pgEnum('quote_status', v.QUOTE_STATUSES);
export const paymentMethod = pgEnum('payment_method', v.PAYMENT_METHODS);
export const releasePassStatus = pgEnum('release_pass_status', v.RELEASE_PASS_STATUSES);
