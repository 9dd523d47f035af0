package io.upwatch.common.region;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The deployment's {@link DeploymentRegions}, in every role that asks for them. */
@AutoConfiguration
@EnableConfigurationProperties(DeploymentRegions.class)
public class RegionsAutoConfiguration {}
