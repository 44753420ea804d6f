package test;

import io.kmon.annotations.Monitored;

@Monitored enum EnumTarget { ONE }
