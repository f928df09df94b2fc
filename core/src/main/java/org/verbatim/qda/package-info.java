/**
 * Exchange with qualitative-analysis tools (NVivo, ATLAS.ti, MAXQDA, QDA Miner, QualCoder) through the REFI-QDA
 * standard (Rotterdam Exchange Format Initiative, https://www.qdasoftware.org): codebooks as {@code .qdc} files
 * ({@link org.verbatim.qda.QdcCodebook}) and coded comments as {@code .qdpx} projects
 * ({@link org.verbatim.qda.QdpxProject}). Only the JDK's XML and zip support is used.
 */
package org.verbatim.qda;
