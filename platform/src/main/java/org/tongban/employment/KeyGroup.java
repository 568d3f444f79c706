package org.tongban.employment;

/**
 * The groups the employment service gives priority (重点群体), each established by something the platform holds:
 * <ul>
 *   <li>{@code DIFFICULTY} 就业困难人员 — an approved 就业困难人员认定 case (《就业促进法》第五十二条);</li>
 *   <li>{@code UNEMPLOYED} 登记失业人员 — an approved 失业登记 not yet ended by an employment (第四十三条);</li>
 *   <li>{@code GRADUATE} 高校毕业生 — a college degree or higher in 求职登记, graduated within the last two years;</li>
 *   <li>{@code VETERAN} 退役军人 — an approved 退役军人优待证申领 case;</li>
 *   <li>{@code RURAL} 农村劳动者（农民工） — a household registered with a villagers' committee (村委会, by the NBS code
 *       range of the registry's 户籍地; 第三十一条, 第五十条).</li>
 * </ul>
 */
public enum KeyGroup {
  DIFFICULTY, UNEMPLOYED, GRADUATE, VETERAN, RURAL
}
