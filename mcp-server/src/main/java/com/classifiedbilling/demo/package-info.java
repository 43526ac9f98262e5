/**
 * Demo data: a workspace with customers, service items and invoices (paid, due and overdue, in two
 * currencies), for trying the server and for the admin CLI's {@code seed-demo}.
 */
package com.classifiedbilling.demo;
