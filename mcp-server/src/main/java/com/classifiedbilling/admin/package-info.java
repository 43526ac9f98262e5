/**
 * The operator's command line, in the same jar: {@code java -jar … admin <command> --flag value}.
 * It works on the server's database (embedded or PostgreSQL), also while a server runs on it, and
 * prints only its result on standard output; errors go to standard error with a non-zero exit.
 */
package com.classifiedbilling.admin;
