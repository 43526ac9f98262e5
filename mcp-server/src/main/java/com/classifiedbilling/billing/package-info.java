/**
 * The billing domain: workspaces, customers, invoices and the questions the tools ask of them.
 * Plain Java and Reactor only: no web, MCP, R2DBC or Spring types (a test keeps it so). Storage is
 * reached through the {@code *Repository} interfaces here, implemented in {@code billing.r2dbc}.
 */
package com.classifiedbilling.billing;
