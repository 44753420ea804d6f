/** The {@code --demo} traffic generator. */
package io.kmon.example.demo;
