/* Test stub of MicroEJ's sni.h: only the SNI types smartpot_natives.c uses. */
#ifndef SNI_H
#define SNI_H
#include <stdint.h>
typedef int32_t jint;
typedef int8_t jbyte;
typedef int8_t jboolean;
#endif
