/** The authenticated caller as every door and tool sees it, whatever credential it used. */
package com.classifiedbilling.auth.principal;
