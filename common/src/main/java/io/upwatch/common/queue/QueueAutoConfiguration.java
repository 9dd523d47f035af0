package io.upwatch.common.queue;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The deployment's {@link QueuePartitions}, in every role. */
@AutoConfiguration
@EnableConfigurationProperties(QueuePartitions.class)
public class QueueAutoConfiguration {}
