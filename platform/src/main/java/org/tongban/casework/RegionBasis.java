package org.tongban.casework;

/**
 * Which of the applicant's regions decides the competent office: residence and household come from the
 * registry; insured, work and chosen regions are stated with the application.
 */
public enum RegionBasis { RESIDENCE, HOUSEHOLD, INSURED, WORK, CHOSEN }
