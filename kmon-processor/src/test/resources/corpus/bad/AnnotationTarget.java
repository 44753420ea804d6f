package test;

import io.kmon.annotations.Monitored;

@Monitored public @interface AnnotationTarget {}
