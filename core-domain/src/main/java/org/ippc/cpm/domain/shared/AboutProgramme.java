package org.ippc.cpm.domain.shared;

/** An event about one programme: what the programme's timeline collects. */
public interface AboutProgramme {

    ProgrammeId programmeId();
}
