/** User accounts: email, name and the plan that sets a user's rate limits. */
package com.classifiedbilling.auth.user;
