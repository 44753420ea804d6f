package test;

import io.kmon.annotations.Monitored;

@Monitored public class ClassTarget {}
