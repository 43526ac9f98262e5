/** Test support: fresh PostgreSQL databases, the packaged server and the admin CLI as processes. */
package com.classifiedbilling.support;
