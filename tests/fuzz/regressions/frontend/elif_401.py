from pyc_task import kernel, task, int64, float64


@kernel
def f(n: int64) -> int64:
    if n == 0:
        n = 1
    elif n == 1:
        n = 1
    elif n == 2:
        n = 2
    elif n == 3:
        n = 3
    elif n == 4:
        n = 4
    elif n == 5:
        n = 5
    elif n == 6:
        n = 6
    elif n == 7:
        n = 7
    elif n == 8:
        n = 8
    elif n == 9:
        n = 9
    elif n == 10:
        n = 10
    elif n == 11:
        n = 11
    elif n == 12:
        n = 12
    elif n == 13:
        n = 13
    elif n == 14:
        n = 14
    elif n == 15:
        n = 15
    elif n == 16:
        n = 16
    elif n == 17:
        n = 17
    elif n == 18:
        n = 18
    elif n == 19:
        n = 19
    elif n == 20:
        n = 20
    elif n == 21:
        n = 21
    elif n == 22:
        n = 22
    elif n == 23:
        n = 23
    elif n == 24:
        n = 24
    elif n == 25:
        n = 25
    elif n == 26:
        n = 26
    elif n == 27:
        n = 27
    elif n == 28:
        n = 28
    elif n == 29:
        n = 29
    elif n == 30:
        n = 30
    elif n == 31:
        n = 31
    elif n == 32:
        n = 32
    elif n == 33:
        n = 33
    elif n == 34:
        n = 34
    elif n == 35:
        n = 35
    elif n == 36:
        n = 36
    elif n == 37:
        n = 37
    elif n == 38:
        n = 38
    elif n == 39:
        n = 39
    elif n == 40:
        n = 40
    elif n == 41:
        n = 41
    elif n == 42:
        n = 42
    elif n == 43:
        n = 43
    elif n == 44:
        n = 44
    elif n == 45:
        n = 45
    elif n == 46:
        n = 46
    elif n == 47:
        n = 47
    elif n == 48:
        n = 48
    elif n == 49:
        n = 49
    elif n == 50:
        n = 50
    elif n == 51:
        n = 51
    elif n == 52:
        n = 52
    elif n == 53:
        n = 53
    elif n == 54:
        n = 54
    elif n == 55:
        n = 55
    elif n == 56:
        n = 56
    elif n == 57:
        n = 57
    elif n == 58:
        n = 58
    elif n == 59:
        n = 59
    elif n == 60:
        n = 60
    elif n == 61:
        n = 61
    elif n == 62:
        n = 62
    elif n == 63:
        n = 63
    elif n == 64:
        n = 64
    elif n == 65:
        n = 65
    elif n == 66:
        n = 66
    elif n == 67:
        n = 67
    elif n == 68:
        n = 68
    elif n == 69:
        n = 69
    elif n == 70:
        n = 70
    elif n == 71:
        n = 71
    elif n == 72:
        n = 72
    elif n == 73:
        n = 73
    elif n == 74:
        n = 74
    elif n == 75:
        n = 75
    elif n == 76:
        n = 76
    elif n == 77:
        n = 77
    elif n == 78:
        n = 78
    elif n == 79:
        n = 79
    elif n == 80:
        n = 80
    elif n == 81:
        n = 81
    elif n == 82:
        n = 82
    elif n == 83:
        n = 83
    elif n == 84:
        n = 84
    elif n == 85:
        n = 85
    elif n == 86:
        n = 86
    elif n == 87:
        n = 87
    elif n == 88:
        n = 88
    elif n == 89:
        n = 89
    elif n == 90:
        n = 90
    elif n == 91:
        n = 91
    elif n == 92:
        n = 92
    elif n == 93:
        n = 93
    elif n == 94:
        n = 94
    elif n == 95:
        n = 95
    elif n == 96:
        n = 96
    elif n == 97:
        n = 97
    elif n == 98:
        n = 98
    elif n == 99:
        n = 99
    elif n == 100:
        n = 100
    elif n == 101:
        n = 101
    elif n == 102:
        n = 102
    elif n == 103:
        n = 103
    elif n == 104:
        n = 104
    elif n == 105:
        n = 105
    elif n == 106:
        n = 106
    elif n == 107:
        n = 107
    elif n == 108:
        n = 108
    elif n == 109:
        n = 109
    elif n == 110:
        n = 110
    elif n == 111:
        n = 111
    elif n == 112:
        n = 112
    elif n == 113:
        n = 113
    elif n == 114:
        n = 114
    elif n == 115:
        n = 115
    elif n == 116:
        n = 116
    elif n == 117:
        n = 117
    elif n == 118:
        n = 118
    elif n == 119:
        n = 119
    elif n == 120:
        n = 120
    elif n == 121:
        n = 121
    elif n == 122:
        n = 122
    elif n == 123:
        n = 123
    elif n == 124:
        n = 124
    elif n == 125:
        n = 125
    elif n == 126:
        n = 126
    elif n == 127:
        n = 127
    elif n == 128:
        n = 128
    elif n == 129:
        n = 129
    elif n == 130:
        n = 130
    elif n == 131:
        n = 131
    elif n == 132:
        n = 132
    elif n == 133:
        n = 133
    elif n == 134:
        n = 134
    elif n == 135:
        n = 135
    elif n == 136:
        n = 136
    elif n == 137:
        n = 137
    elif n == 138:
        n = 138
    elif n == 139:
        n = 139
    elif n == 140:
        n = 140
    elif n == 141:
        n = 141
    elif n == 142:
        n = 142
    elif n == 143:
        n = 143
    elif n == 144:
        n = 144
    elif n == 145:
        n = 145
    elif n == 146:
        n = 146
    elif n == 147:
        n = 147
    elif n == 148:
        n = 148
    elif n == 149:
        n = 149
    elif n == 150:
        n = 150
    elif n == 151:
        n = 151
    elif n == 152:
        n = 152
    elif n == 153:
        n = 153
    elif n == 154:
        n = 154
    elif n == 155:
        n = 155
    elif n == 156:
        n = 156
    elif n == 157:
        n = 157
    elif n == 158:
        n = 158
    elif n == 159:
        n = 159
    elif n == 160:
        n = 160
    elif n == 161:
        n = 161
    elif n == 162:
        n = 162
    elif n == 163:
        n = 163
    elif n == 164:
        n = 164
    elif n == 165:
        n = 165
    elif n == 166:
        n = 166
    elif n == 167:
        n = 167
    elif n == 168:
        n = 168
    elif n == 169:
        n = 169
    elif n == 170:
        n = 170
    elif n == 171:
        n = 171
    elif n == 172:
        n = 172
    elif n == 173:
        n = 173
    elif n == 174:
        n = 174
    elif n == 175:
        n = 175
    elif n == 176:
        n = 176
    elif n == 177:
        n = 177
    elif n == 178:
        n = 178
    elif n == 179:
        n = 179
    elif n == 180:
        n = 180
    elif n == 181:
        n = 181
    elif n == 182:
        n = 182
    elif n == 183:
        n = 183
    elif n == 184:
        n = 184
    elif n == 185:
        n = 185
    elif n == 186:
        n = 186
    elif n == 187:
        n = 187
    elif n == 188:
        n = 188
    elif n == 189:
        n = 189
    elif n == 190:
        n = 190
    elif n == 191:
        n = 191
    elif n == 192:
        n = 192
    elif n == 193:
        n = 193
    elif n == 194:
        n = 194
    elif n == 195:
        n = 195
    elif n == 196:
        n = 196
    elif n == 197:
        n = 197
    elif n == 198:
        n = 198
    elif n == 199:
        n = 199
    elif n == 200:
        n = 200
    elif n == 201:
        n = 201
    elif n == 202:
        n = 202
    elif n == 203:
        n = 203
    elif n == 204:
        n = 204
    elif n == 205:
        n = 205
    elif n == 206:
        n = 206
    elif n == 207:
        n = 207
    elif n == 208:
        n = 208
    elif n == 209:
        n = 209
    elif n == 210:
        n = 210
    elif n == 211:
        n = 211
    elif n == 212:
        n = 212
    elif n == 213:
        n = 213
    elif n == 214:
        n = 214
    elif n == 215:
        n = 215
    elif n == 216:
        n = 216
    elif n == 217:
        n = 217
    elif n == 218:
        n = 218
    elif n == 219:
        n = 219
    elif n == 220:
        n = 220
    elif n == 221:
        n = 221
    elif n == 222:
        n = 222
    elif n == 223:
        n = 223
    elif n == 224:
        n = 224
    elif n == 225:
        n = 225
    elif n == 226:
        n = 226
    elif n == 227:
        n = 227
    elif n == 228:
        n = 228
    elif n == 229:
        n = 229
    elif n == 230:
        n = 230
    elif n == 231:
        n = 231
    elif n == 232:
        n = 232
    elif n == 233:
        n = 233
    elif n == 234:
        n = 234
    elif n == 235:
        n = 235
    elif n == 236:
        n = 236
    elif n == 237:
        n = 237
    elif n == 238:
        n = 238
    elif n == 239:
        n = 239
    elif n == 240:
        n = 240
    elif n == 241:
        n = 241
    elif n == 242:
        n = 242
    elif n == 243:
        n = 243
    elif n == 244:
        n = 244
    elif n == 245:
        n = 245
    elif n == 246:
        n = 246
    elif n == 247:
        n = 247
    elif n == 248:
        n = 248
    elif n == 249:
        n = 249
    elif n == 250:
        n = 250
    elif n == 251:
        n = 251
    elif n == 252:
        n = 252
    elif n == 253:
        n = 253
    elif n == 254:
        n = 254
    elif n == 255:
        n = 255
    elif n == 256:
        n = 256
    elif n == 257:
        n = 257
    elif n == 258:
        n = 258
    elif n == 259:
        n = 259
    elif n == 260:
        n = 260
    elif n == 261:
        n = 261
    elif n == 262:
        n = 262
    elif n == 263:
        n = 263
    elif n == 264:
        n = 264
    elif n == 265:
        n = 265
    elif n == 266:
        n = 266
    elif n == 267:
        n = 267
    elif n == 268:
        n = 268
    elif n == 269:
        n = 269
    elif n == 270:
        n = 270
    elif n == 271:
        n = 271
    elif n == 272:
        n = 272
    elif n == 273:
        n = 273
    elif n == 274:
        n = 274
    elif n == 275:
        n = 275
    elif n == 276:
        n = 276
    elif n == 277:
        n = 277
    elif n == 278:
        n = 278
    elif n == 279:
        n = 279
    elif n == 280:
        n = 280
    elif n == 281:
        n = 281
    elif n == 282:
        n = 282
    elif n == 283:
        n = 283
    elif n == 284:
        n = 284
    elif n == 285:
        n = 285
    elif n == 286:
        n = 286
    elif n == 287:
        n = 287
    elif n == 288:
        n = 288
    elif n == 289:
        n = 289
    elif n == 290:
        n = 290
    elif n == 291:
        n = 291
    elif n == 292:
        n = 292
    elif n == 293:
        n = 293
    elif n == 294:
        n = 294
    elif n == 295:
        n = 295
    elif n == 296:
        n = 296
    elif n == 297:
        n = 297
    elif n == 298:
        n = 298
    elif n == 299:
        n = 299
    elif n == 300:
        n = 300
    elif n == 301:
        n = 301
    elif n == 302:
        n = 302
    elif n == 303:
        n = 303
    elif n == 304:
        n = 304
    elif n == 305:
        n = 305
    elif n == 306:
        n = 306
    elif n == 307:
        n = 307
    elif n == 308:
        n = 308
    elif n == 309:
        n = 309
    elif n == 310:
        n = 310
    elif n == 311:
        n = 311
    elif n == 312:
        n = 312
    elif n == 313:
        n = 313
    elif n == 314:
        n = 314
    elif n == 315:
        n = 315
    elif n == 316:
        n = 316
    elif n == 317:
        n = 317
    elif n == 318:
        n = 318
    elif n == 319:
        n = 319
    elif n == 320:
        n = 320
    elif n == 321:
        n = 321
    elif n == 322:
        n = 322
    elif n == 323:
        n = 323
    elif n == 324:
        n = 324
    elif n == 325:
        n = 325
    elif n == 326:
        n = 326
    elif n == 327:
        n = 327
    elif n == 328:
        n = 328
    elif n == 329:
        n = 329
    elif n == 330:
        n = 330
    elif n == 331:
        n = 331
    elif n == 332:
        n = 332
    elif n == 333:
        n = 333
    elif n == 334:
        n = 334
    elif n == 335:
        n = 335
    elif n == 336:
        n = 336
    elif n == 337:
        n = 337
    elif n == 338:
        n = 338
    elif n == 339:
        n = 339
    elif n == 340:
        n = 340
    elif n == 341:
        n = 341
    elif n == 342:
        n = 342
    elif n == 343:
        n = 343
    elif n == 344:
        n = 344
    elif n == 345:
        n = 345
    elif n == 346:
        n = 346
    elif n == 347:
        n = 347
    elif n == 348:
        n = 348
    elif n == 349:
        n = 349
    elif n == 350:
        n = 350
    elif n == 351:
        n = 351
    elif n == 352:
        n = 352
    elif n == 353:
        n = 353
    elif n == 354:
        n = 354
    elif n == 355:
        n = 355
    elif n == 356:
        n = 356
    elif n == 357:
        n = 357
    elif n == 358:
        n = 358
    elif n == 359:
        n = 359
    elif n == 360:
        n = 360
    elif n == 361:
        n = 361
    elif n == 362:
        n = 362
    elif n == 363:
        n = 363
    elif n == 364:
        n = 364
    elif n == 365:
        n = 365
    elif n == 366:
        n = 366
    elif n == 367:
        n = 367
    elif n == 368:
        n = 368
    elif n == 369:
        n = 369
    elif n == 370:
        n = 370
    elif n == 371:
        n = 371
    elif n == 372:
        n = 372
    elif n == 373:
        n = 373
    elif n == 374:
        n = 374
    elif n == 375:
        n = 375
    elif n == 376:
        n = 376
    elif n == 377:
        n = 377
    elif n == 378:
        n = 378
    elif n == 379:
        n = 379
    elif n == 380:
        n = 380
    elif n == 381:
        n = 381
    elif n == 382:
        n = 382
    elif n == 383:
        n = 383
    elif n == 384:
        n = 384
    elif n == 385:
        n = 385
    elif n == 386:
        n = 386
    elif n == 387:
        n = 387
    elif n == 388:
        n = 388
    elif n == 389:
        n = 389
    elif n == 390:
        n = 390
    elif n == 391:
        n = 391
    elif n == 392:
        n = 392
    elif n == 393:
        n = 393
    elif n == 394:
        n = 394
    elif n == 395:
        n = 395
    elif n == 396:
        n = 396
    elif n == 397:
        n = 397
    elif n == 398:
        n = 398
    elif n == 399:
        n = 399
    elif n == 400:
        n = 400
    return n
