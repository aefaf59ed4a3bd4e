/** Value to id lookups shared by a sync: bounded, cached (also "not found"), single-flight, with their own budget. */
package io.activationsuite.sink.lookup;
