/* Test stub of MicroEJ's sni.h: only the SNI types our natives use. */
#ifndef SNI_H
#define SNI_H
#include <stdint.h>
typedef int32_t jint;
typedef int64_t jlong;
typedef int8_t jbyte;
typedef int8_t jboolean;
#endif
