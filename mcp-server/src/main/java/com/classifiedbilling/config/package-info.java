/** Wiring: the database and its migrations, the domain services, security, and shared beans. */
package com.classifiedbilling.config;
