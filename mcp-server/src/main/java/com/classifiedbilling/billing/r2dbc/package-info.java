/**
 * The billing repositories on R2DBC. Plain SQL that runs on PostgreSQL and on H2 in PostgreSQL
 * mode; every column is mapped by its lower-case name, every query filters by workspace.
 */
package com.classifiedbilling.billing.r2dbc;
