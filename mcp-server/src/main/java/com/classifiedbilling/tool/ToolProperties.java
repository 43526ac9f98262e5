package com.classifiedbilling.tool;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tools are run.
 *
 * @param callTimeout the longest a tool call may take; past it the caller gets "unavailable, try
 *     again" instead of waiting on
 */
@ConfigurationProperties("billing.tools")
public record ToolProperties(@DefaultValue("15s") Duration callTimeout) {}
