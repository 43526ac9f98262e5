package com.classifiedbilling;

import com.classifiedbilling.admin.AdminCli;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The ClassifiedBilling MCP server. {@code java -jar classifiedbilling-mcp-server.jar} runs the
 * server; {@code java -jar classifiedbilling-mcp-server.jar admin <command> …} runs one operator
 * command against the same database and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ClassifiedBillingApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("admin")) {
            System.exit(AdminCli.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(ClassifiedBillingApplication.class, args);
    }
}
