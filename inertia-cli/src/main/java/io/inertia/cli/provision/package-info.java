/**
 * {@code provision ec2} over the AWS SDK for Java v2 (EC2 module): the only package that uses the SDK. It
 * is packaged apart from {@code inertia.jar} (see {@code io.inertia.cli.command.Ec2Provisioners}).
 */
package io.inertia.cli.provision;
